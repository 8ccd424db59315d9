import { TIP_CATEGORY_LABELS, type TipCategory, type TipStatus } from '@common/tip-constants.ts';
import type { Language, StringKey } from './strings.ts';

const CATEGORY_ES: Record<TipCategory, string> = {
  threat_of_violence: 'Amenaza de violencia',
  weapon: 'Arma',
  self_harm: 'Autolesión o suicidio',
  bullying: 'Acoso o ciberacoso',
  drugs: 'Drogas o alcohol',
  abuse: 'Abuso o maltrato',
  other: 'Otra cosa',
};

/** The category's name in the reporter's language. */
export function categoryText(category: TipCategory, lang: Language): string {
  return lang === 'es' ? CATEGORY_ES[category] : TIP_CATEGORY_LABELS[category];
}

/** The string key naming a status for the reporter. */
export function statusKey(status: TipStatus): StringKey {
  switch (status) {
    case 'new':
      return 'statusNew';
    case 'acknowledged':
      return 'statusAcknowledged';
    case 'investigating':
      return 'statusInvestigating';
    case 'closed':
      return 'statusClosed';
  }
}

/** "2.5 MB" in the reporter's language. */
export function sizeText(bytes: number, lang: Language): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(mb)} MB`;
}

/** A timestamp for the reporter, in their language and time zone. */
export function dateTimeText(value: string, lang: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
