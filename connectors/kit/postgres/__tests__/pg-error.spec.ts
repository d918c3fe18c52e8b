import { classifyPgError, PgConnectTimeoutError, pgMessage, sqlState } from '../pg-error';

const serverError = (code: string, message = 'server says no') => Object.assign(new Error(message), { code });

describe('classifyPgError', () => {
  it.each([
    ['28P01', 'auth'],
    ['28000', 'auth'],
    ['3D000', 'unknown-database'],
    ['57014', 'statement-timeout-or-cancel'],
    ['42P01', 'undefined-table'],
    ['42703', 'undefined-column'],
    ['42P10', 'no-unique-constraint'],
    ['42501', 'permission'],
    ['23502', 'data'],
    ['23505', 'data'],
    ['22P02', 'data'],
    ['21000', 'data'],
    ['P0001', 'data'],
    ['08006', 'connection-lost'],
    ['57P01', 'connection-lost'],
    ['40P01', 'conflict'],
    ['40001', 'conflict'],
    ['42601', 'query'],
  ])('reads SQLSTATE %s as %s', (code, kind) => {
    expect(classifyPgError(serverError(code))).toBe(kind);
  });

  it('reads socket failures by their Node code', () => {
    expect(classifyPgError(serverError('ECONNREFUSED'))).toBe('unreachable');
    expect(classifyPgError(serverError('ENOTFOUND'))).toBe('unreachable');
    expect(classifyPgError(new PgConnectTimeoutError(5000))).toBe('unreachable');
    expect(classifyPgError(serverError('ECONNRESET'))).toBe('connection-lost');
    expect(classifyPgError(new Error('Connection terminated unexpectedly'))).toBe('connection-lost');
  });

  it('tells SQLSTATEs from socket codes', () => {
    expect(sqlState(serverError('23502'))).toBe('23502');
    expect(sqlState(serverError('ECONNREFUSED'))).toBeUndefined();
  });
});

describe('pgMessage', () => {
  it('prefixes socket codes and scrubs the password', () => {
    expect(pgMessage(serverError('ECONNREFUSED', 'connect failed'))).toBe('ECONNREFUSED: connect failed');
    expect(pgMessage(new Error('bad secret s3cr3t here'), 's3cr3t')).toBe('bad secret [redacted] here');
  });
});
