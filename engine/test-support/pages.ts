import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Text of the saved real-world pages beside the repository, roughly stripped of markup. */
export const REAL_PAGES_DIR = join(import.meta.dirname, '../../../shared/real-pages');

export function realPageTexts(): { name: string; text: string }[] {
  return readdirSync(REAL_PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((name) => ({
      name,
      text: readFileSync(join(REAL_PAGES_DIR, name), 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&[a-z#0-9]+;/gi, ' ')
        .replace(/\s+/g, ' '),
    }));
}

/** French text of the page's own, sharing no sentence with the seeds. */
export const OWN_FRENCH = [
  'La neige est tombée en abondance sur les Alpes ce week-end, au grand soulagement des stations de ski qui craignaient une saison blanche sans flocons.',
  'Les gérants de remontées mécaniques espèrent désormais attirer les familles pendant les vacances scolaires, malgré la hausse du prix des forfaits.',
  'À Grenoble, les services de la préfecture rappellent aux automobilistes que les équipements spéciaux sont obligatoires dans plusieurs vallées.',
  'Un boulanger de Chamonix raconte avoir vu sa clientèle doubler en trois jours, avant de plaisanter sur la météo capricieuse de la montagne.',
];
