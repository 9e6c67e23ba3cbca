import { Global, Module } from '@nestjs/common';
import { DiskDocumentStorage, DocumentStorage } from './document-storage';
import { DocumentsService } from './documents.service';

/** Document storage and checks, shared by entities (bank certificates) and applications. */
@Global()
@Module({
  providers: [{ provide: DocumentStorage, useClass: DiskDocumentStorage }, DocumentsService],
  exports: [DocumentsService, DocumentStorage],
})
export class DocumentsModule {}
