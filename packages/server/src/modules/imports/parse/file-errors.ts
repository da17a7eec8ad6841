import { DomainError, InvalidInput, type FieldError } from '../../../lib/errors.ts';

/** The file is none of the formats an import reads (CSV, TSV, XLSX, JSON). */
export class UnsupportedFile extends DomainError {
  constructor(message: string) {
    super(415, 'unsupported_file_type', message);
  }
}

/** The file holds no header or no data row. */
export class EmptyFile extends InvalidInput {
  constructor(message = 'The file is empty: it has no header row and no data rows.') {
    super(message, undefined, 'empty_file');
  }
}

/** The file cannot be read to its end (broken quoting, invalid JSON, a damaged workbook). */
export class MalformedFile extends InvalidInput {
  constructor(message: string, errors?: FieldError[]) {
    super(message, errors, 'malformed_file');
  }
}
