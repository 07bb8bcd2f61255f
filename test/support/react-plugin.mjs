/**
 * React ships CommonJS only. For the React wrapper's test, one esbuild bundle holds React,
 * ReactDOM and its client (one React instance), and `react`, `react-dom`, `react-dom/client`
 * resolve to tiny modules that re-export from it as default exports.
 */
import {build} from 'esbuild';

const SHIMS = {
  react: {file: '/__react/react.js', name: 'React'},
  'react-dom': {file: '/__react/react-dom.js', name: 'ReactDOM'},
  'react-dom/client': {file: '/__react/react-dom-client.js', name: 'ReactDOMClient'},
};

export function reactPlugin() {
  let bundle;
  return {
    name: 'react-as-modules',
    resolveImport: ({source}) => SHIMS[source]?.file,
    async serve(context) {
      if (context.path === '/__react/all.js') {
        bundle ??= build({
          stdin: {
            contents:
              "import * as React from 'react'; import * as ReactDOM from 'react-dom'; import * as ReactDOMClient from 'react-dom/client'; export {React, ReactDOM, ReactDOMClient};",
            resolveDir: process.cwd(),
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: {'process.env.NODE_ENV': '"production"'},
        }).then((result) => result.outputFiles[0].text);
        return {body: await bundle, type: 'js'};
      }
      const shim = Object.values(SHIMS).find((s) => s.file === context.path);
      if (shim) return {body: `import {${shim.name}} from './all.js'; export default ${shim.name};`, type: 'js'};
      return undefined;
    },
  };
}
