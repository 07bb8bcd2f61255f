// The storefront's own Lit got here first: the `lit-html` policy name is the page's.
window.trustedTypes?.createPolicy('lit-html', {createHTML: (html) => html});
