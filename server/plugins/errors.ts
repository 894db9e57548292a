import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../shared/errors.constants.ts';
import { AppError, errorBody } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function detailsOf(issues: ValidationIssue[], part: string | undefined): { path: string; message: string }[] {
  return issues.map((issue) => {
    const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
    const path = `${part ?? 'body'}${issue.instancePath ?? ''}${extra ? `/${String(extra)}` : ''}`;
    return { path, message: issue.message ?? 'is not valid' };
  });
}

const FASTIFY_CODES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
};

/** One error shape everywhere: `{error:{code,message,details?}}`; 5xx details stay in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      void reply.headers(error.headers).status(error.status);
      return errorBody(error.code, error.message);
    }
    if (error.validation) {
      void reply.status(400);
      const details = detailsOf(error.validation as ValidationIssue[], error.validationContext);
      const first = details[0];
      return errorBody('validation_failed', first ? `${first.path} ${first.message}` : 'The request is not valid.', details);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      void reply.status(status);
      const code = FASTIFY_CODES[error.code] ?? (error instanceof SyntaxError ? 'invalid_json' : 'bad_request');
      return errorBody(code, status === 413 ? 'The request body is too large.' : error.message);
    }
    request.log.error({ err: error, reqId: request.id }, 'request failed');
    void reply.status(500);
    return errorBody('internal_error', `Something went wrong on our side (request ${request.id}).`);
  });
}
