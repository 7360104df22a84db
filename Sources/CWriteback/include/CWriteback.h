#ifndef SDC_CWRITEBACK_H
#define SDC_CWRITEBACK_H

/// Asks the kernel to start writing [offset, offset+length) of fd to disk now, without waiting for it
/// (Linux sync_file_range with SYNC_FILE_RANGE_WRITE), so the fsync before rename finds little left to do.
/// Returns 0, or -1 with errno set; a no-op returning 0 where the call does not exist.
int sdc_start_writeback(int fd, long long offset, long long length);

#endif
