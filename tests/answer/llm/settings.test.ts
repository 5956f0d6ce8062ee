import { describe, expect, it } from 'vitest';
import { llmSettingsFrom } from '../../../src/answer/llm/client.ts';
import { parseConfig } from '../../../src/config.ts';

describe('language model settings', () => {
  it('leave the model off without OPENAI_API_KEY', () => {
    expect(llmSettingsFrom(parseConfig({}))).toBeNull();
    expect(
      llmSettingsFrom(parseConfig({ OPENAI_API_KEY: '  ', OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' })),
    ).toBeNull();
  });

  it('default to gpt-4o-mini on api.openai.com with a 15 s timeout', () => {
    expect(llmSettingsFrom(parseConfig({ OPENAI_API_KEY: 'sk-x' }))).toEqual({
      apiKey: 'sk-x',
      baseURL: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 15_000,
    });
  });

  it('point at a local OpenAI-compatible server', () => {
    const s = llmSettingsFrom(
      parseConfig({
        OPENAI_API_KEY: 'local',
        OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1/',
        OPENAI_MODEL: 'qwen2.5-7b-instruct',
        LLM_TIMEOUT_MS: '30000',
      }),
    );
    expect(s).toEqual({
      apiKey: 'local',
      baseURL: 'http://127.0.0.1:8080/v1',
      model: 'qwen2.5-7b-instruct',
      timeoutMs: 30_000,
    });
  });

  it('reject a base URL that is not a URL without echoing the key', () => {
    expect(() => parseConfig({ OPENAI_API_KEY: 'sk-secret-value', OPENAI_BASE_URL: 'localhost:8000' })).toThrow(
      /OPENAI_BASE_URL/,
    );
    try {
      parseConfig({ OPENAI_API_KEY: 'sk-secret-value', OPENAI_BASE_URL: 'localhost:8000' });
    } catch (err) {
      expect(String(err)).not.toContain('sk-secret-value');
    }
  });
});
