import { mount } from 'svelte';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/panels.css';
import App from './App.svelte';
import { i18n } from './lib/i18n/i18n.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');
await i18n.ready;
mount(App, { target });
