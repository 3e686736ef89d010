/** @jest-environment jsdom */
import { installGlobals } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { createRemixStub } from '@remix-run/testing';
import { act, fireEvent, render, screen } from '@testing-library/react';
// Its import silences React Router's future-flag warnings, which createRemixStub triggers.
import '../../../test/support/render';
import { Button } from './button';

// jsdom has no fetch Request/Response; a submission through Remix's router needs them.
installGlobals();

const labels = { save: 'Save', delete: 'Delete', saving: 'Saving…' };

describe('Button', () => {
  it('is busy while its own intent is being submitted, and only its own', async () => {
    let finish: () => void = () => undefined;
    const RemixStub = createRemixStub([
      {
        path: '/settings',
        action: () =>
          new Promise((resolve) => {
            finish = () => resolve(null);
          }),
        Component: () => (
          <Form method="post">
            <Button intent="save" pendingLabel={labels.saving}>
              {labels.save}
            </Button>
            <Button intent="delete" variant="danger">
              {labels.delete}
            </Button>
          </Form>
        ),
      },
    ]);
    render(<RemixStub initialEntries={['/settings']} />);
    const save = await screen.findByRole('button', { name: labels.save });
    expect(save.getAttribute('name')).toBe('intent');
    expect(save.getAttribute('value')).toBe('save');
    expect(save.hasAttribute('aria-busy')).toBe(false);

    fireEvent.click(save);
    const busy = await screen.findByRole('button', { name: labels.saving });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    const other = screen.getByRole('button', { name: labels.delete });
    expect(other.hasAttribute('aria-busy')).toBe(false);

    await act(async () => finish());
    const done = await screen.findByRole('button', { name: labels.save });
    expect(done.hasAttribute('aria-busy')).toBe(false);
  });
});
