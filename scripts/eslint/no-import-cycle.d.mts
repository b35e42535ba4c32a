// Type of the rule module for the TypeScript tests.
import type { Rule } from 'eslint';
declare const rule: Rule.RuleModule;
export default rule;
