import { Type, type Static } from 'typebox';

const Count = Type.Integer({ minimum: 0 });
const dayText = { pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const Day = Type.String({ ...dayText, description: 'a calendar day (YYYY-MM-DD) in the dialogue’s time zone' });

const KeyCount = (key: string) => Type.Object({ key: Type.String({ description: key }), count: Count });

export const Stats = Type.Object({
  visits: Type.Integer({ minimum: 0, description: 'page views inside the window' }),
  uniqueVisitors: Type.Integer({ minimum: 0, description: 'distinct visitor cookies among those page views' }),
  comments: Type.Integer({ minimum: 0, description: 'published comments posted inside the window' }),
  participants: Type.Integer({ minimum: 0, description: 'people with at least one of those comments' }),
  countries: Type.Integer({ minimum: 0, description: 'distinct countries of those participants' }),
  byTopic: Type.Array(KeyCount('the topic number, as text'), { description: 'comments per topic, every topic in order, zeros included' }),
  byDay: Type.Array(KeyCount('a calendar day in the dialogue’s time zone'), {
    description: 'comments per day, every day of the window in order, zeros included',
  }),
  byCountry: Type.Array(KeyCount('ISO 3166-1 alpha-2 country code'), { description: 'participants per country, most first' }),
  byAffiliation: Type.Array(KeyCount('an affiliation code, or "unspecified"'), { description: 'participants per affiliation, most first' }),
  byContinent: Type.Array(KeyCount('africa, antarctica, asia, europe, north_america, oceania, south_america or "unknown"'), {
    description: 'addition to the contract: participants per continent (shared/continents.ts), most first',
  }),
  byTopicDay: Type.Array(Type.Object({ topicNumber: Type.Integer(), day: Day, count: Count }), {
    description: 'addition: comments per topic per day, by topic then day; only days with comments',
  }),
  visitsByDay: Type.Array(KeyCount('a calendar day in the dialogue’s time zone'), {
    description: 'addition: page views per day, every day of the window in order, zeros included',
  }),
  timeZone: Type.String({ description: 'addition: the zone the days are counted in' }),
  firstDay: Type.String({ ...dayText, description: 'addition: the window’s first calendar day' }),
  lastDay: Type.String({ ...dayText, description: 'addition: the window’s last calendar day (a closing at midnight ends the day before)' }),
});
export type Stats = Static<typeof Stats>;
export type KeyCount = Stats['byCountry'][number];
