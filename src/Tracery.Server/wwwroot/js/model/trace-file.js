// Reads a trace from a local JSON file without storing it: a v2 span list (as /api/v2/trace returns and the
// trace page downloads), or a list of such lists (as /api/v2/traces returns; the first is shown).

export function readTraceFile(text, fileName) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${fileName} is not JSON: ${e.message}`);
  }
  if (Array.isArray(data) && Array.isArray(data[0])) data = data[0];
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${fileName} must hold a JSON array of Zipkin v2 spans`);
  const bad = data.findIndex((s) => !s || typeof s !== 'object' || !s.traceId || !s.id);
  if (bad >= 0) throw new Error(`${fileName}: span ${bad} has no traceId or id`);
  if (data.some((s) => s.binaryAnnotations)) throw new Error(`${fileName} is Zipkin v1 JSON (binaryAnnotations); only v2 spans can be opened`);
  return { name: fileName, spans: data };
}
