import { describe, expect, it } from 'vitest';
import { checkLessonFrontmatter, lessonFolder, lessonSchema } from './lesson-schema.ts';
import { MODULE_IDS, isModuleId } from './modules.ts';

const FILE = 'content/petsets/petsets-to-statefulsets.mdx';
const good = {
  title: 'PetSets: pets inside Kubernetes',
  description: 'Why Kubernetes 1.3 introduced the PetSet.',
  module: 'petsets',
  order: 1,
  duration: 15,
  objectives: ['Explain what a PetSet promised.'],
  lab: 'statefulset-identity',
  prerequisites: ['pets-and-cattle/pets-vs-cattle'],
};

describe('checkLessonFrontmatter', () => {
  it('accepts a complete lesson and returns its data', () => {
    expect(checkLessonFrontmatter(FILE, good)).toEqual({ ok: true, data: good });
  });

  it('accepts a lesson without the optional lab and prerequisites, and keeps Starlight fields out of the way', () => {
    const { lab: _lab, prerequisites: _prerequisites, ...rest } = good;
    const result = checkLessonFrontmatter(FILE, { ...rest, sidebar: { badge: 'New' } }, ['sidebar']);
    expect(result).toEqual({ ok: true, data: rest });
  });

  it('names the file, each bad field, what was received and how to fix it', () => {
    const result = checkLessonFrontmatter(FILE, { ...good, module: 'petset', order: 'first', duration: '15 min' });
    expect(result).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/petsets-to-statefulsets.mdx:',
        '- `module`: expected one of `pets-and-cattle`, `linux-namespaces`, `docker-networking`, `petsets`, received `"petset"` (a string).',
        '  Fix: set `module: petsets` — the folder the lesson lives in.',
        '- `order`: expected a whole number ≥ 1, received `"first"` (a string).',
        '  Fix: write the lesson’s position in its module as a bare number, e.g. `order: 1`.',
        '- `duration`: expected a whole number of minutes from 1 to 120, received `"15 min"` (a string).',
        '  Fix: write the minutes as a bare number without a unit, e.g. `duration: 10`.',
      ].join('\n'),
    });
  });

  it('reports missing fields as missing', () => {
    const result = checkLessonFrontmatter('content/pets-and-cattle/pets-vs-cattle.mdx', { title: 'Pets vs cattle' });
    expect(result).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/pets-and-cattle/pets-vs-cattle.mdx:',
        '- `description`: expected a non-empty string, but the field is missing.',
        '  Fix: add one sentence on what the lesson teaches, e.g. `description: Why Pods are mortal.`',
        '- `module`: expected one of `pets-and-cattle`, `linux-namespaces`, `docker-networking`, `petsets`, but the field is missing.',
        '  Fix: set `module: pets-and-cattle` — the folder the lesson lives in.',
        '- `order`: expected a whole number ≥ 1, but the field is missing.',
        '  Fix: write the lesson’s position in its module as a bare number, e.g. `order: 1`.',
        '- `objectives`: expected a list of at least one non-empty sentence, but the field is missing.',
        '  Fix: write a YAML list, one objective per line:',
        '    objectives:',
        '      - Explain why Pods are mortal.',
        '- `duration`: expected a whole number of minutes from 1 to 120, but the field is missing.',
        '  Fix: write the minutes as a bare number without a unit, e.g. `duration: 10`.',
      ].join('\n'),
    });
  });

  it('points at the bad item inside a list', () => {
    const result = checkLessonFrontmatter(FILE, { ...good, objectives: ['Fine.', ''], prerequisites: ['pets-vs-cattle'] });
    expect(result).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/petsets-to-statefulsets.mdx:',
        '- `objectives[1]`: expected a list of at least one non-empty sentence, received `""` (a string).',
        '  Fix: write a YAML list, one objective per line:',
        '    objectives:',
        '      - Explain why Pods are mortal.',
        '- `prerequisites[0]`: expected a list of lesson slugs of the form `module/lesson`, received `"pets-vs-cattle"` (a string).',
        '  Fix: write a YAML list, e.g.',
        '    prerequisites:',
        '      - pets-and-cattle/pets-vs-cattle',
      ].join('\n'),
    });
  });

  it('rejects a lab id that is not kebab-case and a duration out of range', () => {
    const result = checkLessonFrontmatter(FILE, { ...good, lab: 'PID Namespaces', duration: 0 });
    expect(result).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/petsets-to-statefulsets.mdx:',
        '- `duration`: expected a whole number of minutes from 1 to 120, received `0` (a number).',
        '  Fix: write the minutes as a bare number without a unit, e.g. `duration: 10`.',
        '- `lab`: expected a kebab-case lab id (lowercase letters, digits and hyphens), received `"PID Namespaces"` (a string).',
        '  Fix: use the name of the lab’s folder under `labs/`, e.g. `lab: pid-namespaces`, or remove the line.',
      ].join('\n'),
    });
  });

  it('requires the module to match the folder the lesson lives in', () => {
    const result = checkLessonFrontmatter('content/petsets/x.mdx', { ...good, module: 'pets-and-cattle' });
    expect(result).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/x.mdx:',
        '- `module`: expected `petsets` because the file lives in `content/petsets/`, received `pets-and-cattle`.',
        '  Fix: set `module: petsets`, or move the file to `content/pets-and-cattle/`.',
      ].join('\n'),
    });
  });

  it('explains frontmatter that is not a mapping', () => {
    expect(checkLessonFrontmatter(FILE, ['title'])).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/petsets-to-statefulsets.mdx:',
        '- `frontmatter`: expected a mapping of `field: value` lines between two `---` lines, received `["title"]` (a list).',
        '  Fix: start the file with `---`, one `field: value` per line (title, description, module, ...), then `---`.',
      ].join('\n'),
    });
  });
});

describe('lessonFolder', () => {
  it('finds the module of a lesson file and nothing for other pages', () => {
    expect(lessonFolder('content/linux-namespaces/pid-and-uts-namespaces.mdx')).toBe('linux-namespaces');
    expect(lessonFolder('/work/main/content/petsets/a.md')).toBe('petsets');
    expect(lessonFolder('content/index.mdx')).toBeUndefined();
    expect(lessonFolder('content/glossary/pet.mdx')).toBeUndefined();
    expect(lessonFolder('content/petsets')).toBeUndefined();
  });
});

describe('lessonSchema', () => {
  it('documents every field', () => {
    for (const [name, field] of Object.entries(lessonSchema.shape)) {
      expect(field.description, name).toMatch(/\w{3,}/);
    }
  });

  it('knows exactly the four modules', () => {
    expect(MODULE_IDS).toEqual(['pets-and-cattle', 'linux-namespaces', 'docker-networking', 'petsets']);
    expect(isModuleId('petsets')).toBe(true);
    expect(isModuleId('PetSets')).toBe(false);
  });
});

describe('unknown fields', () => {
  const starlight = ['title', 'description', 'sidebar', 'template', 'draft'];

  it('accepts Starlight’s own fields and rejects unknown ones with a suggestion', () => {
    expect(checkLessonFrontmatter(FILE, { ...good, sidebar: { badge: 'New' } }, starlight).ok).toBe(true);
    const { lab: _lab, ...rest } = good;
    expect(checkLessonFrontmatter(FILE, { ...rest, labs: 'statefulset-identity', colour: 'red' }, starlight)).toEqual({
      ok: false,
      message: [
        'Invalid lesson frontmatter in content/petsets/petsets-to-statefulsets.mdx:',
        '- `labs`: not a lesson field, received `"statefulset-identity"` (a string).',
        '  Fix: did you mean `lab`? Otherwise remove the line; the fields are title, description, module, order, objectives, duration, lab, prerequisites and Starlight’s own.',
        '- `colour`: not a lesson field, received `"red"` (a string).',
        '  Fix: remove the line; the fields are title, description, module, order, objectives, duration, lab, prerequisites and Starlight’s own.',
      ].join('\n'),
    });
  });
});
