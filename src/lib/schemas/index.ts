export * from './common';
export * from './content';
export * from './solicitud';
export * from './usuario';
export * from './content-workflow';
export * from './datos-abiertos';
export * from './propuesta-tramite';
