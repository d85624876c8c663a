/** Reading posted forms: one text per field, and every value of a field that may repeat (checkboxes). */
import type { FastifyRequest } from 'fastify';

/** A urlencoded body holds strings, or arrays of strings for repeated fields. */
function bodyOf(request: FastifyRequest): Record<string, string | string[]> {
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, string | string[]>) : {};
}

/** The posted form with one text per field; a field sent twice counts once (its first value). */
export function formFields(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(bodyOf(request)).map(([key, value]) => [key, [value].flat()[0] ?? '']));
}

/** Every value posted under `name`, for fields that repeat. */
export function formValues(request: FastifyRequest, name: string): string[] {
  const value = bodyOf(request)[name];
  return value === undefined ? [] : [value].flat();
}
