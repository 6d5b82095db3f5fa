import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../../test/support/markup-text.ts';
import type { DeviceStatusView } from '../../host/contract.ts';
import { AttentionList } from './AttentionList.tsx';
import { CHECKIN_TEXTS } from './texts.ts';

const CALM: DeviceStatusView = {
  connection: 'online',
  printer: 'ready',
  pendingUploads: 0,
  attention: [],
  clockSkewSeconds: 2,
};

describe('uploads that need staff at the check-in window', () => {
  it('shows nothing while every upload went through and the clock is right', () => {
    expect(renderToStaticMarkup(<AttentionList status={CALM} t={CHECKIN_TEXTS.de} />)).toBe('');
  });

  it('counts the tickets and names each by call number and time with what to do', () => {
    const status: DeviceStatusView = {
      ...CALM,
      attention: [
        {
          problem: 'refused',
          code: 'K7QX3M2A',
          callNumber: 'K014',
          time: '10:20',
          reason: 'lease-lost',
        },
        {
          problem: 'stuck',
          code: 'B2CD3E4F',
          callNumber: 'K015',
          time: '10:30',
          reason: 'HTTP 500',
        },
      ],
    };
    const text = textOf(
      renderToStaticMarkup(<AttentionList status={status} t={CHECKIN_TEXTS.de} />),
    );
    expect(text).toContain('2 Terminmarken brauchen Aufmerksamkeit');
    expect(text).toContain('K014 · 10:20 Der Server kennt diese Terminmarke nicht.');
    expect(text).toContain('lease-lost');
    expect(text).toContain('K015 · 10:30 Das Hochladen scheitert wiederholt');
  });

  it('warns when the device clock is more than 30 s off the server', () => {
    const html = renderToStaticMarkup(
      <AttentionList status={{ ...CALM, clockSkewSeconds: -42 }} t={CHECKIN_TEXTS.de} />,
    );
    expect(textOf(html)).toBe(
      'Die Uhr dieses Geräts weicht 42 s von der Serverzeit ab – bitte IT informieren.',
    );
    expect(html).toContain('role="alert"');
  });
});
