/**
 * What a translation must keep from the German catalogue: every key, every `{argument}`, the
 * options of every `select`, and `plural` branches the language's plural rules know. A
 * catalogue that passes formats every message without throwing and never drops a value.
 */
import { IntlMessageFormat } from 'intl-messageformat';

type AstElement = ReturnType<IntlMessageFormat['getAst']>[number];

/** ICU element kinds (FormatJS parser `TYPE`): text and `#` carry no argument name. */
const LITERAL = 0;
const POUND = 7;

interface MessageShape {
  /** Argument names, sorted. */
  args: string[];
  /** Per `select` argument, its option keys, sorted. */
  selects: Map<string, string[]>;
  /** Per `plural` argument, its option keys. */
  plurals: Map<string, string[]>;
}

function shapeOf(ast: readonly AstElement[], shape: MessageShape = emptyShape()): MessageShape {
  for (const element of ast) {
    if (element.type === LITERAL || element.type === POUND) continue;
    if ('value' in element && typeof element.value === 'string') {
      if (!shape.args.includes(element.value)) shape.args.push(element.value);
    }
    if ('options' in element) {
      const keys = Object.keys(element.options).sort();
      const kind = 'pluralType' in element ? shape.plurals : shape.selects;
      kind.set(element.value, keys);
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
    if ('children' in element) shapeOf(element.children, shape);
  }
  shape.args.sort();
  return shape;
}

function emptyShape(): MessageShape {
  return { args: [], selects: new Map(), plurals: new Map() };
}

/**
 * Problems of one language's catalogue against the German one, each naming its key.
 * e.g. ({ 'a': 'ab {time} Uhr' }, { 'a': 'from {tme}' }, 'en') → ['a: arguments {tme}, German has {time}']
 */
export function catalogueProblems(
  reference: Readonly<Record<string, string>>,
  catalogue: Readonly<Record<string, string>>,
  locale: string,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    if (!(key in catalogue)) problems.push(`${key}: missing`);
  }
  for (const key of Object.keys(catalogue)) {
    if (!(key in reference)) problems.push(`${key}: not in the German catalogue`);
  }
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const [key, message] of Object.entries(catalogue)) {
    const german = reference[key];
    if (german === undefined) continue;
    const own = parsedShape(message, locale);
    const expected = parsedShape(german, 'de');
    if (typeof own === 'string' || typeof expected === 'string') {
      problems.push(`${key}: ${typeof own === 'string' ? own : `German ${String(expected)}`}`);
      continue;
    }
    problems.push(...shapeProblems(key, own, expected, categories));
  }
  return problems;
}

function parsedShape(message: string, locale: string): MessageShape | string {
  try {
    return shapeOf(new IntlMessageFormat(message, locale).getAst());
  } catch (error) {
    return `does not parse (${error instanceof Error ? error.message : String(error)})`;
  }
}

function shapeProblems(
  key: string,
  own: MessageShape,
  german: MessageShape,
  categories: readonly string[],
): string[] {
  const problems: string[] = [];
  const list = (names: readonly string[]): string => names.map((n) => `{${n}}`).join(' ') || 'none';
  if (own.args.join() !== german.args.join()) {
    problems.push(`${key}: arguments ${list(own.args)}, German has ${list(german.args)}`);
  }
  for (const [name, options] of german.selects) {
    const mine = own.selects.get(name);
    if (mine && mine.join() !== options.join()) {
      problems.push(
        `${key}: select {${name}} has ${mine.join(', ')}, German ${options.join(', ')}`,
      );
    }
  }
  for (const [name, options] of own.plurals) {
    // Exact matches (=0, =1) suit every language; categories must be ones the language has.
    // A plural without `other` does not parse, so it is reported above.
    const unknown = options.filter((o) => !o.startsWith('=') && !categories.includes(o as never));
    if (unknown.length > 0) problems.push(`${key}: plural {${name}} has no ${unknown.join(', ')}`);
  }
  return problems;
}
