import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/app.exception';
import { Public } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['ok'] }) database: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public('Liveness and database reachability')
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({
    description: 'SERVICE_UNAVAILABLE: the database is unreachable',
    type: ProblemResponse,
  })
  async health(): Promise<HealthResponse> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
      ]);
    } catch {
      throw new AppException(503, 'SERVICE_UNAVAILABLE', 'The database is unreachable.', undefined, {
        'Retry-After': '5',
      });
    }
    return { status: 'ok', database: 'ok' };
  }
}
