export {
  chooseStateBody, drillRuleSchema, ruleBody, ruleSetSchema, ruleSettingsBody, ruleTemplateSchema, updateRuleBody,
  type DrillRule, type RuleBody, type RuleSet, type UpdateRuleBody,
} from '../../../common/preparedness.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
