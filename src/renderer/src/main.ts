// First: zod must know eval is off before any schema is built, and the Trusted Types default
// policy must exist before anything creates a worker.
import './no-eval'
import './trusted-types'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import './styles/base.css'

createApp(App).use(createPinia()).mount('#app')
