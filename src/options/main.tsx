/**
 * The options page: the settings (extra tracking hosts, buffer size, strict mode, unplanned events, the privacy guard),
 * the tracking plan, and the panel in its own window. Saved to storage.local.
 */
import { render } from 'preact';
import { readStoredSettings, saveUserSettings } from '../shared/settings/settings-storage';
import { PlanSection } from './PlanSection';
import { SettingsForm } from './SettingsForm';
import { TabLinks } from './TabLinks';
import './options.css';

const loadUserSettings = () => readStoredSettings().then(({ user }) => user);

const root = document.getElementById('app');
if (root)
  render(
    <>
      <SettingsForm load={loadUserSettings} save={saveUserSettings} />
      <PlanSection />
      <TabLinks />
    </>,
    root,
  );
