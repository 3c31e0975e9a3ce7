// The entity list of the shared spec (spec/entities.tsv): the ids and types the data must use.
// Pure: parses the text it is given.

export interface SpecEntity {
  id: string;
  type: string;
  nameEn: string;
  nameZh: string;
}

/** Rows of a tab-separated file with a header row (id, type, name_en, name_zh, …). */
export function parseEntitySpec(tsv: string): SpecEntity[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((line) => line.trim());
  const columns = (header ?? '').split('\t');
  const col = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`entities.tsv has no "${name}" column`);
    return i;
  };
  const [id, type, nameEn, nameZh] = [col('id'), col('type'), col('name_en'), col('name_zh')];
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      id: cells[id]?.trim() ?? '',
      type: cells[type]?.trim() ?? '',
      nameEn: cells[nameEn]?.trim() ?? '',
      nameZh: cells[nameZh]?.trim() ?? '',
    };
  });
}
