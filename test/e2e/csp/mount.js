// The session comes in the page's query string (an external script: inline ones are blocked here).
const params = new URLSearchParams(location.search);
const checkout = document.createElement('pepay-checkout');
checkout.setAttribute('session-token', params.get('session'));
checkout.setAttribute('signature', params.get('signature'));
checkout.setAttribute('api-base', params.get('api'));
document.body.append(checkout);
