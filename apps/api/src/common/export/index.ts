export * from './columns';
export * from './csv';
export * from './xlsx';
export * from './export';
export * from './labels';
export * from './api-export.decorator';
