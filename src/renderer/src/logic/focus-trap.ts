// Dialog focus: on open, focus moves into the dialog (its chosen first control); while open, Tab
// and Shift+Tab cycle inside it and focus cannot leave it (modal dialogs only: WAI-ARIA APG
// "Dialog (Modal)"); on close, focus returns to the control that opened it. One stack for the
// whole window, so a confirm over the revision view traps in the confirm and then hands back.
import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The controls Tab reaches inside `root`, in order (visible ones only). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0)
}

interface Trap {
  root: () => HTMLElement | null
  modal: boolean
}
const stack: Trap[] = []

function onKeydown(ev: KeyboardEvent): void {
  const top = stack[stack.length - 1]
  const root = top?.root()
  if (!top || !top.modal || !root || ev.key !== 'Tab') return
  const items = focusables(root)
  if (items.length === 0) {
    ev.preventDefault()
    root.focus()
    return
  }
  const first = items[0]!
  const last = items[items.length - 1]!
  const active = document.activeElement
  if (ev.shiftKey && (active === first || !root.contains(active))) {
    ev.preventDefault()
    last.focus()
  } else if (!ev.shiftKey && (active === last || !root.contains(active))) {
    ev.preventDefault()
    first.focus()
  }
}
function onFocusIn(ev: FocusEvent): void {
  const top = stack[stack.length - 1]
  const root = top?.root()
  if (!top || !top.modal || !root || root.contains(ev.target as Node)) return
  // Focus escaped a modal dialog (a click behind it, a script): bring it back.
  ;(focusables(root)[0] ?? root).focus()
}

/**
 * Manages focus for one dialog. `open` says whether it is shown; `initial` picks the control to
 * focus first (default: the first focusable one, else the dialog itself).
 */
export function useFocusTrap(root: Ref<HTMLElement | null>, open: () => boolean, options: { modal?: boolean; initial?: (root: HTMLElement) => HTMLElement | null } = {}): void {
  const trap: Trap = { root: () => root.value, modal: options.modal ?? true }
  let opener: HTMLElement | null = null
  function release(): void {
    const i = stack.indexOf(trap)
    if (i < 0) return
    stack.splice(i, 1)
    if (stack.length === 0) {
      document.removeEventListener('keydown', onKeydown, true)
      document.removeEventListener('focusin', onFocusIn, true)
    }
    const back = opener
    opener = null
    // Back to the opener if it is still on screen (a deleted row's button is not).
    if (back && back.isConnected) back.focus()
  }
  watch(
    open,
    async (isOpen, wasOpen) => {
      if (isOpen && !wasOpen) {
        // A dialog reopened with new content keeps its first opener.
        if (!stack.includes(trap)) {
          opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
          if (stack.length === 0) {
            document.addEventListener('keydown', onKeydown, true)
            document.addEventListener('focusin', onFocusIn, true)
          }
          stack.push(trap)
        }
        await nextTick()
        const el = root.value
        if (el) (options.initial?.(el) ?? focusables(el)[0] ?? el).focus()
      } else if (!isOpen && wasOpen) release()
    },
    { immediate: true }
  )
  onBeforeUnmount(release)
}
