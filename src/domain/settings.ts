import { z } from 'zod';
import type { Moderators } from './roles.ts';

const moderatorsSchema: z.ZodType<Moderators> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('discord-role'), id: z.string().min(1), name: z.string().optional() }),
  z.object({ kind: z.literal('slack-group'), id: z.string().min(1), name: z.string().optional() }),
  z.object({ kind: z.literal('names'), names: z.array(z.string().min(1)) }),
]) as z.ZodType<Moderators>;

/** Every setting /config knows, with the schema its stored JSON must match. */
/** An IANA zone name; checked against the runtime's zones when set (`/config default-timezone:`). */
const timeZoneSchema = z.string().min(1).max(64);

export const SCHEMAS = { moderators: moderatorsSchema, timezone: timeZoneSchema } as const;

export type SettingKey = keyof typeof SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SCHEMAS)[K]>;

export interface Setting<T> {
  readonly value: T;
  readonly updatedBy: string;
  readonly updatedByName: string;
  readonly updatedAt: string;
}
