export {
  attendanceBody, listTrainingsQuery, missingQuery, missingTrainingSchema, personTrainingSchema, requirementBody, trainingBody,
  trainingRequirementSchema, trainingSessionDetailSchema, trainingSessionSchema, updateRequirementBody, updateTrainingBody,
  type RequirementBody, type TrainingBody,
} from '../../../common/preparedness.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
