// Preload: exposes named functions only (never ipcRenderer, process or a generic invoke).
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('api', {})
