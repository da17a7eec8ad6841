import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BadRequest, DomainError } from '../../lib/errors.ts';
import { spoolToDisk, type SpooledFile } from './spool.ts';

export interface ReceivedUpload {
  file: SpooledFile;
  filename: string | null;
  fields: Record<string, string>;
}

/** Small text fields only: the form's fields are options, not data. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 1000;

/**
 * Receives a multipart upload: the part named `file` goes to a temporary file as it
 * arrives; the other parts are the form's fields, before or after the file.
 */
export async function receiveUpload(request: FastifyRequest, maxFileBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new DomainError(415, 'unsupported_media_type', 'Send the report as multipart/form-data, in a part named file.');
  }
  const fields: Record<string, string> = {};
  let file: SpooledFile | null = null;
  let filename: string | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxFileBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new BadRequest('validation_failed', `The file part must be named file, not ${part.fieldname}.`, [{ path: `/body/${part.fieldname}`, message: 'is not a known field' }]);
        }
        file = await spoolToDisk((part as MultipartFile).file);
        filename = part.filename || null;
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    await file?.remove();
    if (err instanceof DomainError || ((err as { statusCode?: number }).statusCode ?? 500) < 500) throw err;
    // The multipart parser's own failures (no boundary, a truncated body) are the client's.
    throw new BadRequest('validation_failed', `The multipart body cannot be read: ${(err as Error).message}.`, [{ path: '/body', message: 'is not valid multipart/form-data' }]);
  }
  if (!file) throw new BadRequest('validation_failed', 'The form has no file: send the report in a part named file.', [{ path: '/body/file', message: 'is required' }]);
  return { file, filename, fields };
}
