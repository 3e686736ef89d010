import { registerEnumType } from 'type-graphql';

/**
 * Indonesia's three time zones, the only ones a workspace can show its times in. The values are IANA names (what
 * Intl and PostgreSQL understand); GraphQL names them ASIA_JAKARTA, ASIA_MAKASSAR, ASIA_JAYAPURA.
 */
export enum WorkspaceTimeZone {
  ASIA_JAKARTA = 'Asia/Jakarta',
  ASIA_MAKASSAR = 'Asia/Makassar',
  ASIA_JAYAPURA = 'Asia/Jayapura',
}

export const DEFAULT_TIME_ZONE = WorkspaceTimeZone.ASIA_JAKARTA;

registerEnumType(WorkspaceTimeZone, {
  name: 'WorkspaceTimeZone',
  description: "The time zone a workspace's times are shown in.",
  valuesConfig: {
    ASIA_JAKARTA: { description: 'WIB, UTC+7 (Java, Sumatra, West and Central Kalimantan); the default.' },
    ASIA_MAKASSAR: { description: 'WITA, UTC+8 (Bali, Nusa Tenggara, Sulawesi, East and South Kalimantan).' },
    ASIA_JAYAPURA: { description: 'WIT, UTC+9 (Maluku, Papua).' },
  },
});
