/**
 * React wrapper (`@pepay/checkout/react`): `<PepayCheckout>` with typed props and the contract
 * events as `on…` props. Registers the custom elements when imported.
 */
import {createComponent, type EventName} from '@lit/react';
import React from 'react';
import type {EventDetailMap} from '../checkout/events.js';
import {PepayCheckout as PepayCheckoutElement} from '../elements/checkout/pepay-checkout.js';
import {defineElements} from '../registry.js';

defineElements();

type Handler<K extends keyof EventDetailMap> = EventName<CustomEvent<EventDetailMap[K]>>;

export const PepayCheckout = createComponent({
  tagName: 'pepay-checkout',
  elementClass: PepayCheckoutElement,
  react: React,
  events: {
    onReady: 'pepay-ready' as Handler<'pepay-ready'>,
    onStepChange: 'pepay-step-change' as Handler<'pepay-step-change'>,
    onAddress: 'pepay-address' as Handler<'pepay-address'>,
    onStatus: 'pepay-status' as Handler<'pepay-status'>,
    onPaid: 'pepay-paid' as Handler<'pepay-paid'>,
    onUnderpaid: 'pepay-underpaid' as Handler<'pepay-underpaid'>,
    onExpired: 'pepay-expired' as Handler<'pepay-expired'>,
    onCanceled: 'pepay-canceled' as Handler<'pepay-canceled'>,
    onOrder: 'pepay-order' as Handler<'pepay-order'>,
    onError: 'pepay-error' as Handler<'pepay-error'>,
  },
});
