import ts from 'typescript';

/**
 * Finds user-visible text written straight into JSX instead of going through `t()`: JSX text with letters, string
 * literals with letters in attributes a reader sees or hears, and literal strings rendered as children.
 */

// Attributes whose value reaches the reader (tooltip, placeholder, screen reader, image text, option label).
const VISIBLE_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'aria-description', 'alt', 'label']);

// Exact strings that are the same in every language. Keep it tiny: each entry needs a reason.
export const RAW_TEXT_ALLOW_LIST: ReadonlySet<string> = new Set([
  'BizOne', // the brand name, never translated; a logo wordmark may render it literally
]);

const LETTER = /\p{L}/u;

export interface RawTextFinding {
  file: string;
  line: number;
  text: string;
}

export function findRawText(
  file: string,
  source: string,
  allowList: ReadonlySet<string> = RAW_TEXT_ALLOW_LIST,
): RawTextFinding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: RawTextFinding[] = [];

  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(text) || allowList.has(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file, line: line + 1, text });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sourceFile))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text);
      if (value && ts.isJsxExpression(value) && value.expression) {
        for (const literal of literalTexts(value.expression)) report(literal.node, literal.text);
      }
    } else if (ts.isJsxExpression(node) && node.expression && isChildExpression(node)) {
      for (const literal of literalTexts(node.expression)) report(literal.node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function isChildExpression(node: ts.JsxExpression): boolean {
  return ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);
}

/** The literal text an expression renders directly: `'x'`, `` `x ${y}` ``, `a ? 'x' : 'y'`, `a ?? 'x'`, `'x' + y`. */
function literalTexts(expression: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return [{ node: expression, text: expression.text }];
  }
  if (ts.isTemplateExpression(expression)) {
    return [expression.head, ...expression.templateSpans.map((span) => span.literal)].map((part) => ({
      node: expression,
      text: part.text,
    }));
  }
  if (ts.isParenthesizedExpression(expression)) return literalTexts(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(expression.right);
    if (
      operator === ts.SyntaxKind.PlusToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken
    ) {
      return [...literalTexts(expression.left), ...literalTexts(expression.right)];
    }
  }
  return [];
}
