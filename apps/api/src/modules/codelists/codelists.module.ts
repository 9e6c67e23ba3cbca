import { Module } from '@nestjs/common';
import { CodelistsController } from './codelists.controller';

/** Read-only reference lists (sectors, SDGs, policy markers, countries, currencies) for every signed-in user. */
@Module({ controllers: [CodelistsController] })
export class CodelistsModule {}
