import type { Api } from '../http/api'
import { deps } from '../http/context'
import { readPhotoUpload } from '../http/upload'
import { addStationPhoto, readStationPhoto } from './photos'
import { idParams } from './schemas'

const TAG = 'stations'

/** Site photos of the field check: uploaded one by one, then named by id in the field_check step. */
export function stationPhotoRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/stations/{id}/photos',
    summary:
      'Upload one site photo for the field check as the raw request body (JPEG, PNG or WebP by content; at most 8 MB: 413, other types: 415)',
    tag: TAG,
    access: ['inspector'],
    params: idParams,
    status: 201,
    async handler({ params, req }) {
      const { db, config } = deps(req)
      const photo = await readPhotoUpload(req)
      return db.transaction((tx) =>
        addStationPhoto(tx, req.user!, config.provinceCode, params.id, photo, req.requestId),
      )
    },
  })

  api.route({
    method: 'get',
    path: '/api/stations/photos/{id}',
    summary: "A field-check photo's image, for those who may see its station",
    tag: TAG,
    access: 'signed-in',
    params: idParams,
    async handler({ params, req, res }) {
      const { db, config } = deps(req)
      const photo = await readStationPhoto(db, req.user!, config.provinceCode, params.id)
      res.type(photo.mediaType)
      res.send(photo.content)
      return undefined
    },
  })
}
