import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { i18n } from './lib/i18n/i18n.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element');
await i18n.ready;
mount(App, { target });
