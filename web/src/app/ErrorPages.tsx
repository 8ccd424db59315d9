import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Page } from '../components/Page.tsx';

/** The page for an address that does not exist. */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <EmptyState
        title="There is no page at this address."
        action={
          <ButtonLink to="/" variant="primary">
            Go to the dashboard
          </ButtonLink>
        }
      >
        Check the address, or pick a page from the navigation.
      </EmptyState>
    </Page>
  );
}

/** The page for an address the user's roles do not open. */
export function ForbiddenPage() {
  return (
    <Page title="Not available to you">
      <EmptyState
        title="Your roles do not include this page."
        action={
          <ButtonLink to="/" variant="primary">
            Go to the dashboard
          </ButtonLink>
        }
      >
        Ask your system administrator if you need access.
      </EmptyState>
    </Page>
  );
}
