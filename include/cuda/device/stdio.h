/*
 * stdio.h — device-pass shim (cuwasm).
 *
 * Intentionally empty: printf is a builtin that sema knows (variadic, with
 * a format string), and nothing else from stdio exists on the device.
 */
