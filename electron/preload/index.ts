import { contextBridge, ipcRenderer } from 'electron'
import { apiEventNames, apiMethodNames } from '../common/api/contract-names'
import { createPreloadBridge } from './preload-bridge'

// The only file that touches contextBridge and ipcRenderer: it exposes two functions, never
// ipcRenderer itself (security checklist 20).
contextBridge.exposeInMainWorld(
  'privacy',
  createPreloadBridge(ipcRenderer, apiMethodNames, apiEventNames),
)
