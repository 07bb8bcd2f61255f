/**
 * `custom-elements.json` (npm run build:manifest). Events come from the one event contract,
 * src/events/contract.ts: each interface tagged `@eventsOf <tag…>` gives those elements one event
 * per member, with its name, detail type and description. Events the analyzer infers from
 * `dispatchEvent(new X(…))` are dropped unless documented with `@fires`: it names them after the
 * variable passed, not the event.
 */
export default {
  globs: ['src/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [eventContract()],
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
