import { ApiProperty } from '@nestjs/swagger';

/** The API view of a document (of an application or of an entity). */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) applicationId: string | null;
  @ApiProperty({
    description: 'A required-document code of the call, `attachment`, `correction` or `bank_certificate`',
  })
  type: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Detected from the content', example: 'application/pdf' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256: string;
  @ApiProperty({ description: 'True once submitted (or sent with a correction): it cannot be deleted' })
  locked: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
