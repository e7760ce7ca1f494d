// The app's behaviour and the tracking calls it makes: one page view per load, a virtual page for the
// pricing section, and the sign-up funnel (identify, Signed Up, then the cart and checkout).
import { identify, page, track, trackBatch } from './analytics.js';

const status = document.getElementById('status');

page('Home');
track('Page Viewed', { path: location.pathname });

// The pricing link only scrolls: a page call names the section, without a second Page Viewed.
window.addEventListener('hashchange', () => {
  if (location.hash === '#pricing') page('Pricing', { path: '/#pricing' });
});

document.getElementById('sign-up').addEventListener('click', async () => {
  const response = await fetch('/api/signup', { method: 'POST', body: JSON.stringify({ plan: 'pro' }) });
  if (!response.ok) {
    track('Error Shown', { message: `sign-up failed (${response.status})` });
    status.textContent = 'Sorry, that did not work.';
    return;
  }
  const { userId } = await response.json();
  identify(userId, { plan: 'pro' });
  track('Signed Up', { plan: 'pro' });
  trackBatch([
    ['Cart Viewed', { plan: 'pro', items: 1 }],
    ['Checkout Started', { plan: 'pro', value: 20, currency: 'USD' }],
  ]);
  status.textContent = 'Welcome! Your Pro plan is in the cart.';
});
