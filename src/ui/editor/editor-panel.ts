/**
 * The editor panel: a button that opens the editor (Monaco is imported only then), the list of
 * the learner's files, Save (writes into the world, so `kubectl apply -f` sees it) and Apply
 * (types `kubectl apply -f <file>` into the terminal), and the schema problems of the open file
 * in words. The lab works without ever opening it.
 */
import { h, listen } from '../dom/h.ts';
import type { WorkspaceContext } from '../workspace/workspace.ts';
import { listEditableFiles, relativeTo } from './file-list.ts';

export function mountEditorPanel(ctx: WorkspaceContext, host: HTMLElement): void {
  const { disposer } = ctx;
  const open = h('button', { type: 'button', class: 'pl-button', 'aria-expanded': 'false' }, 'Open the editor');
  const body = h('div', { class: 'ed-body', hidden: true });
  host.append(h('div', { class: 'ed-head' }, h('h3', {}, 'Editor'), open), body);
  let started = false;
  disposer.add(
    listen(open, 'click', () => {
      const expanded = open.getAttribute('aria-expanded') === 'true';
      open.setAttribute('aria-expanded', String(!expanded));
      open.textContent = expanded ? 'Open the editor' : 'Hide the editor';
      body.hidden = expanded;
      if (!started) {
        started = true;
        body.textContent = 'Loading the editor…';
        startEditor(ctx, body).catch((error: unknown) => {
          body.textContent = `The editor could not be loaded: ${error instanceof Error ? error.message : String(error)}. The terminal works without it (try cat, or a here-document).`;
        });
      }
    }),
  );
}

async function startEditor(ctx: WorkspaceContext, body: HTMLElement): Promise<void> {
  const { setupMonaco } = await import('./monaco.ts');
  const monaco = setupMonaco();
  const { session, world, disposer } = ctx;
  const fs = session.process.fs;
  const home = ctx.bundle?.lab.home ?? '/root';

  const files = h('ul', { class: 'ed-files', 'aria-label': 'Files' });
  const surface = h('div', { class: 'ed-surface' });
  const save = h('button', { type: 'button', class: 'pl-button', disabled: true }, 'Save');
  const apply = h('button', { type: 'button', class: 'pl-button', disabled: true }, 'Apply with kubectl');
  const status = h('p', { class: 'ed-status', role: 'status' }, 'Choose a file.');
  const problems = h('ul', { class: 'ed-problems', 'aria-label': 'Problems in this file' });
  const note = h('p', { class: 'ed-note' }, 'In the editor, Tab indents; press Ctrl+M to make Tab move focus instead.');
  body.replaceChildren(h('div', { class: 'ed-layout' }, files, h('div', { class: 'ed-main' }, h('div', { class: 'ed-actions' }, save, apply, status), surface, problems, note)));

  const theme = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark');
  const editor = monaco.editor.create(surface, {
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    theme: theme(),
    ariaLabel: 'File editor',
    tabSize: 2,
  });
  disposer.add(() => editor.dispose());
  const themeObserver = new MutationObserver(() => monaco.editor.setTheme(theme()));
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  disposer.add(() => themeObserver.disconnect());

  const models = new Map<string, { model: ReturnType<typeof monaco.editor.createModel>; saved: string }>();
  disposer.add(() => {
    for (const { model } of models.values()) model.dispose();
  });
  let current: string | undefined;

  const dirty = (path: string) => {
    const m = models.get(path);
    return m !== undefined && m.model.getValue() !== m.saved;
  };
  const renderFiles = () => {
    const paths = listEditableFiles({ readdir: (p) => fs.readdir(p), isDir: (p) => fs.stat(p).type === 'dir' }, home);
    files.replaceChildren(
      ...paths.map((path) => {
        const b = h('button', { type: 'button', class: 'ed-file', 'data-path': path, 'aria-current': path === current ? 'true' : undefined }, relativeTo(home, path) + (dirty(path) ? ' •' : ''));
        return h('li', {}, b);
      }),
    );
    if (paths.length === 0) files.append(h('li', {}, `No files in ${home} yet.`));
  };
  disposer.add(listen(files, 'click', (e: MouseEvent) => {
    const path = (e.target as HTMLElement).closest<HTMLElement>('[data-path]')?.dataset.path;
    if (path) openFile(path);
  }));

  const renderProblems = () => {
    const model = editor.getModel();
    const markers = model ? monaco.editor.getModelMarkers({ resource: model.uri }) : [];
    problems.replaceChildren(...markers.map((m) => h('li', { 'data-severity': m.severity }, `Line ${m.startLineNumber}: ${m.message}`)));
  };
  disposer.add(monaco.editor.onDidChangeMarkers(() => renderProblems()).dispose);

  function openFile(path: string): void {
    let entry = models.get(path);
    if (!entry) {
      let text = '';
      try {
        text = fs.readFile(path);
      } catch {
        // A file deleted meanwhile opens empty; Save creates it again.
      }
      const model = monaco.editor.createModel(text, /\.ya?ml$/i.test(path) ? 'yaml' : 'plaintext', monaco.Uri.file(path));
      entry = { model, saved: text };
      models.set(path, entry);
      disposer.add(model.onDidChangeContent(() => {
        save.disabled = !dirty(path);
        renderFiles();
      }).dispose);
    }
    current = path;
    editor.setModel(entry.model);
    save.disabled = !dirty(path);
    apply.disabled = !/\.ya?ml$/i.test(path);
    status.textContent = `Editing ${relativeTo(home, path)}`;
    renderFiles();
    renderProblems();
    editor.focus();
  }

  const doSave = () => {
    if (!current) return;
    const entry = models.get(current);
    if (!entry) return;
    const text = entry.model.getValue();
    try {
      ctx.saveFile(current, text);
      entry.saved = text;
      save.disabled = true;
      status.textContent = `Saved ${relativeTo(home, current)}`;
      renderFiles();
    } catch (error) {
      status.textContent = `Could not save: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  disposer.add(listen(save, 'click', doSave));
  disposer.add(
    listen(apply, 'click', () => {
      if (!current) return;
      doSave();
      ctx.typeCommand(`kubectl apply -f ${relativeTo(session.shell.cwd, current)}`);
    }),
  );
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, doSave);

  // Files appear as the learner creates them in the terminal.
  let timer: ReturnType<typeof setTimeout> | undefined;
  disposer.add(
    world.onChange(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        renderFiles();
      }, 500);
    }),
  );
  disposer.add(() => clearTimeout(timer));
  renderFiles();
  const first = files.querySelector<HTMLElement>('[data-path]')?.dataset.path;
  if (first) openFile(first);
}
