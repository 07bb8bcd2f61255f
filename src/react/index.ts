/**
 * React wrapper (`@pepay/checkout/react`): `<PepayCheckout>` with typed props and every
 * `<pepay-checkout>` event as an `on…` prop (`onPaid`, `onStepChange`, … from the event contract).
 * Registers the custom elements when imported.
 */
import {createComponent, type EventName} from '@lit/react';
import React from 'react';
import '../define.js';
import {PepayCheckout as PepayCheckoutElement} from '../elements/checkout/pepay-checkout.js';
import {CHECKOUT_EVENT_PROPS, type PepayCheckoutEventDetails} from '../events/contract.js';

type Props = typeof CHECKOUT_EVENT_PROPS;
/** `onPaid` -> the `pepay-paid` event it listens to, typed with that event's detail. */
type EventProps = {[K in keyof Props as Props[K]]: EventName<CustomEvent<PepayCheckoutEventDetails[K]>>};

const events = Object.fromEntries(Object.entries(CHECKOUT_EVENT_PROPS).map(([name, prop]) => [prop, name])) as EventProps;

export const PepayCheckout = createComponent({
  tagName: 'pepay-checkout',
  elementClass: PepayCheckoutElement,
  react: React,
  events,
});
