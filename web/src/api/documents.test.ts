import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { parseUploadAnswer } from './documents';

describe('the upload answer', () => {
  it('is the stored document on 201', () => {
    const record = { id: 'doc-1', opportunity: 'opp-1', name: '方案书.docx', kind: 'proposal', content_type: 'text/plain', size: 3, sha256: 'ab', uploaded_by: 'u-1', date: '2026-12-05' };
    expect(parseUploadAnswer(201, JSON.stringify(record))).toEqual(record);
  });
  it('is an ApiError naming the field otherwise', () => {
    const tooLarge = () => parseUploadAnswer(413, JSON.stringify({ error: { code: 'too_large', message: 'The file is larger than the upload limit of 52428800 bytes.', field: 'file' } }));
    expect(tooLarge).toThrow(ApiError);
    try {
      tooLarge();
    } catch (error) {
      expect(error).toMatchObject({ status: 413, code: 'too_large', field: 'file' });
    }
    expect(() => parseUploadAnswer(413, '')).toThrow(expect.objectContaining({ code: 'too_large' }));
    expect(() => parseUploadAnswer(0, '')).toThrow(expect.objectContaining({ code: 'network' }));
    expect(() => parseUploadAnswer(200, 'not json')).toThrow(expect.objectContaining({ code: 'bad_response' }));
  });
});
