import {customElementJetBrainsPlugin} from 'custom-element-jet-brains-integration';
import {customElementVsCodePlugin} from 'custom-element-vs-code-integration';

/**
 * `custom-elements.json` (npm run build:manifest), and from it the editors' data: VS Code's custom
 * HTML and CSS data and JetBrains' web-types, all in dist/ (package.json points at them). Events come from the one event contract,
 * src/events/contract.ts: each interface tagged `@eventsOf <tag…>` gives those elements one event
 * per member, with its name, detail type and description. Events the analyzer infers from
 * `dispatchEvent(new X(…))` are dropped unless documented with `@fires`: it names them after the
 * variable passed, not the event.
 */
/**
 * What editors complete: the three public elements (the checkout's inner elements are its own).
 * File names as README "Editor support" gives them.
 */
const editorData = {
  outdir: 'dist',
  exclude: [
    'PepayCountdown',
    'PepayTokenList',
    'PepayEmailForm',
    'PepayQuestionsForm',
    'PepayPaymentDetails',
    'PepayStatusView',
    'PepayWalletButtons',
    'PepayQr',
  ],
  hideMethodDocs: true,
  hideLogs: true,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  webTypesFileName: 'web-types.json',
  packageJson: false,
};

export default {
  globs: ['src/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  // The contract's events first: the editors' data are made from the finished manifest.
  plugins: [eventContract(), customElementVsCodePlugin(editorData), customElementJetBrainsPlugin(editorData)],
};

function eventContract() {
  /** tag name -> the events its contract interface lists */
  const byTag = new Map();
  return {
    name: 'pepay-event-contract',
    analyzePhase({ts, node}) {
      if (!ts.isInterfaceDeclaration(node)) return;
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'eventsOf');
      if (!tag) return;
      const events = node.members.filter(ts.isPropertySignature).map((member) => ({
        name: member.name.text,
        type: {text: `CustomEvent<${member.type.getText().replace(/\s+/g, ' ')}>`},
        description: ts
          .getJSDocCommentsAndTags(member)
          .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
          .join(' ')
          .trim(),
      }));
      for (const tagName of ts.getTextOfJSDocComment(tag.comment).trim().split(/\s+/)) {
        byTag.set(tagName, [...(byTag.get(tagName) ?? []), ...events]);
      }
    },
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const documented = (declaration.events ?? []).filter((event) => event.name && event.description);
          const events = [...(byTag.get(declaration.tagName) ?? []), ...documented];
          if (events.length) declaration.events = events;
          else delete declaration.events;
        }
      }
    },
  };
}
