import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

export function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ coerceTypes, removeAdditional: false, useDefaults: true, allErrors: false, strict: false });
  addFormats(ajv);
  // RFC 3339 allows a leap second (23:59:60) that JavaScript dates cannot hold: every time the
  // schema accepts must parse to an instant, or later code would throw (a 500) on it.
  const dateTime = fullFormats['date-time'] as { validate: (value: string) => boolean; compare: (a: string, b: string) => number | undefined };
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => dateTime.validate(value) && Number.isFinite(Date.parse(value)),
    compare: dateTime.compare,
  });
  return ajv;
}

const NUL = '\u0000';

/** The JSON pointer of the first string or key holding U+0000, or null when there is none. */
function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}/${key}`;
    const found = key.includes(NUL) ? itemPath : pathOfNul(item, itemPath);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000 (the insert fails, which would surface as a 500) and no field
 * has a use for it, so it is refused as invalid input, alike on both databases.
 */
function refusingNul(validate: ValidateFunction): ReturnType<FastifySchemaCompiler<unknown>> {
  const check = (data: unknown, dataCxt?: Parameters<ValidateFunction>[1]): boolean => {
    if (!validate(data, dataCxt)) {
      check.errors = validate.errors as FastifySchemaValidationError[];
      return false;
    }
    const instancePath = pathOfNul(data);
    check.errors =
      instancePath === null ? null : [{ keyword: 'nul', instancePath, schemaPath: '#', params: {}, message: 'must not contain the NUL character' }];
    return instancePath === null;
  };
  check.errors = null as FastifySchemaValidationError[] | null;
  // Fastify hands Ajv's own validators the parent object, so that coercion can replace a root value.
  return Object.assign(check, { schemaEnv: validate.schemaEnv });
}

/**
 * JSON bodies are validated strictly, as the contract says: no coercion and no silent removal of
 * unknown fields. Query strings and path parameters arrive as text, so they may be coerced.
 */
export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => refusingNul((httpPart === 'body' ? strict : coercing).compile(schema)));
}
