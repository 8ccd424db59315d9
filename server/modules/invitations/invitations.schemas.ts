import { z } from 'zod';
import { newPasswordSchema } from '../auth/auth.schemas.js';

export const acceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(200).describe('The token of the set-password link'),
  password: newPasswordSchema,
});
