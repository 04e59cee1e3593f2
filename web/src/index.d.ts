// Type declarations of the cuwasm package (web/src/index.js).

export interface Diagnostic { file: string; line: number; col: number; message: string; }

export interface CompileOptions {
  /** -D definitions: { N: '256' } is -DN=256 */
  defines?: Record<string, string | number | null>;
  /** files the source may #include "…", by name */
  headers?: Record<string, string>;
  /** 'auto' (WebGPU when there is an adapter, else 'wasm'), 'webgpu', or
   * 'wasm' (the kernels as WebAssembly on the CPU, blocks spread over Web
   * Workers where SharedArrayBuffer is available, else one after another) */
  device?: 'auto' | 'webgpu' | 'wasm';
  /** the 'wasm' device: how many threads run blocks in parallel (default:
   * navigator.hardwareConcurrency / os.availableParallelism(); 1: only the
   * calling thread).  More than one needs SharedArrayBuffer: Node, or a
   * cross-origin isolated page.  In Node the calling thread is one of
   * them (N - 1 workers); in a page all N are workers */
  workers?: number;
  /** the 'wasm' device: a launch whose blocks took less than this many
   * milliseconds one after another, going by the kernel's last launch,
   * runs on the calling thread, as waking the workers costs about that
   * (default 0.1; 0: every launch of more than one block on the workers) */
  serialBelowMs?: number;
  /** the source's file name in diagnostics (kernel.cu) */
  name?: string;
  /** template kernels to instantiate up front, e.g. 'reduce<float,256>' */
  instances?: string[];
  /** receives device printf output, one call per printf (default: stdout / console.log) */
  print?: (text: string) => void;
  /** pack buffer parameters into one binding per element type for kernels
   * needing more storage buffers than this (default: the device's
   * maxStorageBuffersPerShaderStage) */
  maxStorageBuffers?: number;
  /** compute double as float (a warning in mod.diagnostics); without it
   * kernels using double are rejected.  Float64Arrays passed for double
   * pointers are converted to floats and back; a DeviceBuffer passed for
   * one must hold floats */
  f64AsF32?: boolean;
  /** warp functions as WGSL subgroup operations: 'auto' (default) when the
   * adapter's subgroups are 32 wide, else emulated; true / false force it */
  subgroups?: 'auto' | boolean;
}

export interface KernelInfo {
  name: string;
  params: { name: string; type: string }[];
  supported: boolean;
  error?: Diagnostic;
  /** the kernel's WGSL (WebGPU modules only) */
  wgsl?: string | null;
}

export type KernelArg = ArrayBufferView | DeviceBuffer | WasmBuffer | number | bigint | boolean | number[];

export interface LaunchOptions {
  grid: number | number[];
  block: number | number[];
  sharedBytes?: number;
  args: KernelArg[];
}

export class DeviceBuffer {
  readonly byteLength: number;
  readonly buffer: unknown; // GPUBuffer
  write(data: ArrayBufferView, byteOffset?: number): this;
  read<T extends ArrayBufferView>(Type?: { new (n: number): T; BYTES_PER_ELEMENT?: number }, out?: T | null): Promise<T>;
  destroy(): void;
}

/** a buffer in a wasm-device module's memory */
export class WasmBuffer {
  readonly byteLength: number;
  readonly addr: number;
  write(data: ArrayBufferView, byteOffset?: number): this;
  read<T extends ArrayBufferView>(Type?: { new (n: number): T; BYTES_PER_ELEMENT?: number }, out?: T | null): Promise<T>;
  destroy(): void;
}

export class CuwasmModule {
  /** which device runs the kernels */
  readonly kind: 'webgpu' | 'wasm';
  readonly kernels: KernelInfo[];
  readonly diagnostics: (Diagnostic & { severity: string })[];
  launch(name: string, options: LaunchOptions): Promise<void>;
  /** resolves once the wasm device's workers have started (launches do not need it) */
  ready(): Promise<void>;
  buffer(init: ArrayBufferView | number): DeviceBuffer | WasmBuffer;
  destroy(): void;
}

export function compile(source: string, options?: CompileOptions): Promise<CuwasmModule>;
export function transpile(source: string, options?: CompileOptions): Promise<{
  diagnostics: (Diagnostic & { severity: string })[];
  module: { kernels: unknown[] };
}>;
export function formatDiagnostic(d: Diagnostic & { severity?: string }): string;
