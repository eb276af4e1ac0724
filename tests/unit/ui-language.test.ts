import { describe, expect, it } from 'vitest';
import { chooseUiLanguage, languageOf, rememberedLanguage } from '../../src/i18n/ui-language.ts';

describe('interface language', () => {
  it('follows the LMS preference when it names English or Chinese', () => {
    expect(chooseUiLanguage('en', ['zh-CN'])).toBe('en');
    expect(chooseUiLanguage('en-us', ['zh-CN'])).toBe('en');
    expect(chooseUiLanguage('EN-GB', [])).toBe('en');
    expect(chooseUiLanguage('zh-cn', ['en-US'])).toBe('zh-CN');
    expect(chooseUiLanguage('zh-hant-tw', ['en-US'])).toBe('zh-CN');
    expect(chooseUiLanguage('zh', ['en'])).toBe('zh-CN');
  });

  it('lets the browser decide when the LMS names no language or another one', () => {
    expect(chooseUiLanguage('', ['en-US', 'zh-CN'])).toBe('en');
    expect(chooseUiLanguage(undefined, ['fr-FR', 'en-GB'])).toBe('en');
    expect(chooseUiLanguage('fr', ['de', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(chooseUiLanguage('de-de', ['en'])).toBe('en');
  });

  it('is Chinese by default', () => {
    expect(chooseUiLanguage('', [])).toBe('zh-CN');
    expect(chooseUiLanguage('fr', ['fr-FR', 'ja'])).toBe('zh-CN');
    expect(chooseUiLanguage(null)).toBe('zh-CN');
  });

  it('reads only whole language tags (no "english", no "enx")', () => {
    expect(languageOf('english')).toBeNull();
    expect(languageOf('enx')).toBeNull();
    expect(languageOf('zhx')).toBeNull();
    expect(languageOf(' en ')).toBe('en');
  });

  it('remembers only a known language', () => {
    expect(rememberedLanguage('en')).toBe('en');
    expect(rememberedLanguage('zh-CN')).toBe('zh-CN');
    expect(rememberedLanguage('fr')).toBeNull();
    expect(rememberedLanguage(null)).toBeNull();
  });
});
