// Vue's full browser build has the same API as `vue`; only its types live under the package name.
declare module 'vue/dist/vue.esm-browser.prod.js' {
  export * from 'vue';
}
